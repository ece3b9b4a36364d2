export * from './docker-config';
export * from './environment';
export * from './manifest';
export * from './reference';
export * from './registry-client';
export * from './registry-error';
export * from './registry-url';
export * from './www-authenticate';
