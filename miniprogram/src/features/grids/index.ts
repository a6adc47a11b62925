export { listGrids } from './list-grids';
