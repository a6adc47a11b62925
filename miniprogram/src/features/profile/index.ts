export { bindPhone } from './bind-phone';
export {
  DISPLAY_NAME_MAX_LENGTH,
  EMPLOYEE_NUMBER_MAX_LENGTH,
  type ProfileErrors,
  type ProfileField,
  type ProfileForm,
  profileFormFor,
  serverFieldErrors,
  updateRequestFor,
  validateProfile,
} from './profile-form';
export { updateMe } from './update-me';
