export * from './registryRecord';
export * from './championFor';
export * from './applyGate';
export * from './pairedTest';
export * from './verifyRecord';
