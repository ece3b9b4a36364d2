/** Environment variables the registry client reads; every one is prefixed ML_DEPLOY_. */
export enum RegistryEnv {
  /** Comma-separated registry hosts (`host` or `host:port`) reached over plain HTTP. */
  InsecureRegistries = 'ML_DEPLOY_INSECURE_REGISTRIES',
  /** Basic credentials for the registry; they win over the Docker config file. */
  Username = 'ML_DEPLOY_REGISTRY_USERNAME',
  Password = 'ML_DEPLOY_REGISTRY_PASSWORD',
}
