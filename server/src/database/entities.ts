import { AuthSession } from '../auth/auth-session.entity';
import { OrgUnit } from '../org/org-unit.entity';
import { RoleGrant } from '../org/role-grant.entity';
import { User } from '../users/user.entity';

/** Every entity of the application, registered once with the data source. */
export const ENTITIES = [User, OrgUnit, RoleGrant, AuthSession];
