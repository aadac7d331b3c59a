export * from './annotations';
export * from './permissions';
export * from './profile';
export * from './ask';
export * from './interop';
export * from './scorecards';
export * from './knowledge';
export * from './review';
