export { FixFields, type FixValues } from './fix-fields';
export { PhotoPicker } from './photo-picker';
export { ReportForm, VISIBILITY_EXPLANATIONS } from './report-form';
export { Sheet } from './sheet';
export { StateBadge } from './state-badge';
export { TicketCard } from './ticket-card';
export { TicketPhotos } from './ticket-photos';
export { Timeline } from './timeline';
export { WorkplaceChooser } from './workplace-chooser';
