import { AuthSession } from '../auth/auth-session.entity';
import { EnterpriseBinding } from '../bindings/enterprise-binding.entity';
import { Grid } from '../grids/grid.entity';
import { OrgUnit } from '../org/org-unit.entity';
import { RoleGrant } from '../org/role-grant.entity';
import { User } from '../users/user.entity';
import { UserWorkerGroup } from '../users/user-worker-group.entity';
import { WorkplaceQrCode } from '../workplaces/workplace-qr-code.entity';

/** Every entity of the application, registered once with the data source. */
export const ENTITIES = [
  User,
  UserWorkerGroup,
  OrgUnit,
  Grid,
  RoleGrant,
  AuthSession,
  EnterpriseBinding,
  WorkplaceQrCode,
];
