export * from './registryRecord';
export * from './championFor';
export * from './applyGate';
