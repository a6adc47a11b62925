/** Limits of a person's own fields, checked the same way by the mini program and the server. */
export const DISPLAY_NAME_MAX_LENGTH = 32;
export const EMPLOYEE_NUMBER_MAX_LENGTH = 32;
