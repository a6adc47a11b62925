export { downloadEnterprisePosters } from './download-enterprise-posters';
export { downloadWorkplaceQrCode } from './download-workplace-qrcode';
