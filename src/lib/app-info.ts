// The app's name and version, as exports and citations give them.
export const APP_NAME = 'Claimed Ground';
export const APP_VERSION: string = __APP_VERSION__;
