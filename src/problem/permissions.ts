import { grant, type PermissionPolicy } from '../_lib/workflow-permissions';

/**
 * The default problem permissions:
 * - a `problem_manager` runs every action; `resolve` only as a member of the assignment group;
 * - a `resolver` in the problem's assignment group records root cause and workaround, fixes and resolves;
 * - an `agent` or `resolver` creates problems, links incidents and comments; `admin` may do everything.
 *
 * @example
 * DEFAULT_PROBLEM_PERMISSIONS.grants.length > 0 //=> true
 */
export const DEFAULT_PROBLEM_PERMISSIONS: PermissionPolicy = {
  grants: [
    grant(
      ['create', 'assess', 'confirm', 'mark_duplicate', 'accept_risk', 'record_root_cause', 'record_workaround', 'communicate_workaround',
        'fix', 'reanalyze', 'close', 'cancel', 'update', 'assign', 'link_incident', 'link_change', 'comment'],
      ['problem_manager'],
    ),
    grant(['record_root_cause', 'record_workaround', 'fix', 'update', 'link_change'], ['resolver'], 'assignment_group'),
    grant(['resolve'], ['problem_manager', 'resolver'], 'assignment_group'),
    grant(['create', 'link_incident', 'comment'], ['agent', 'resolver']),
    grant(['*'], ['admin']),
  ],
};
