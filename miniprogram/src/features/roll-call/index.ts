export { fetchRollCall } from './fetch-roll-call';
export {
  type DeclarationSummary,
  declarationLines,
  type RollCallGroup,
  rollCallGroups,
} from './roll-call-groups';
