import { grant, type PermissionPolicy } from '../_lib/workflow-permissions';

/**
 * The default change permissions:
 * - `agent`, `resolver` and `change_manager` create changes;
 * - the requester (any role) submits, updates, holds, resumes, cancels and closes their own change;
 * - a `change_manager` runs every step but approving for others is still bound by the approval policy;
 * - an `approver` (or `change_manager`) approves and rejects, if the approval policy names them and
 *   they are neither the requester nor the implementer (separation of duties, checked by the machine);
 * - members of the assignment group (`agent`, `resolver`) implement and complete; `admin` may do everything.
 *
 * @example
 * DEFAULT_CHANGE_PERMISSIONS.grants.length > 0 //=> true
 */
export const DEFAULT_CHANGE_PERMISSIONS: PermissionPolicy = {
  grants: [
    grant(['create'], ['agent', 'resolver', 'change_manager']),
    grant(['submit', 'update', 'hold', 'resume', 'cancel', 'close'], undefined, 'requester'),
    grant(['submit', 'request_approval', 'reject', 'hold', 'resume', 'implement', 'complete', 'close', 'cancel', 'update', 'assign'], ['change_manager']),
    grant(['approve', 'reject'], ['approver', 'change_manager']),
    grant(['implement', 'complete'], ['agent', 'resolver'], 'assignment_group'),
    grant(['*'], ['admin']),
  ],
};
