import { grant, type PermissionPolicy } from '../_lib/workflow-permissions';

const WORK = ['assign', 'start', 'hold', 'resume', 'update', 'comment', 'link', 'cancel', 'reopen', 'close'];

/**
 * The default incident permissions (ServiceNow-like):
 * - a `caller` creates incidents for themself, comments on, reopens and closes their own;
 * - an `agent` (service desk) and a `resolver` create and work any incident;
 * - only members of the incident's assignment group resolve it (`agent` or `resolver`);
 * - `problem_manager` and `change_manager` link and comment; `admin` may do everything.
 * Replace it through the `permissions` option.
 *
 * @example
 * createIncidentWorkflow({ permissions: { grants: [...DEFAULT_INCIDENT_PERMISSIONS.grants, { commands: ['resolve'], roles: ['vendor'] }] } })
 */
export const DEFAULT_INCIDENT_PERMISSIONS: PermissionPolicy = {
  grants: [
    grant(['create', 'comment', 'reopen', 'close'], ['caller'], 'caller'),
    grant(['create', ...WORK], ['agent', 'resolver']),
    grant(['resolve'], ['agent', 'resolver'], 'assignment_group'),
    grant(['link', 'comment'], ['problem_manager', 'change_manager']),
    grant(['*'], ['admin']),
  ],
};
