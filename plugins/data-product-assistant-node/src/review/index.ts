export * from './questionMatch';
export * from './verifiedRecheck';
