export * from './contract/parseContract';
export * from './contract/odcsValidator';
export * from './profile/buildProfile';
export * from './models/types';
