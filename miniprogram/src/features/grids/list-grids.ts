import type { GridListQuery, GridSummary, Page } from '@ankang/shared';
import { apiRequest } from '../../api';

/** Grids of a union node and its sub-unions, with their grid officer. */
export function listGrids(query: GridListQuery): Promise<Page<GridSummary>> {
  return apiRequest<Page<GridSummary>>({ path: '/grids', query: { ...query } });
}
