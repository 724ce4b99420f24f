export declare const TEST_PG_URL: string;
export declare const TEST_REDIS_URL: string;
export declare const TEST_SECRETS: { APP_SECRET: string; SETTINGS_ENCRYPTION_KEY: string };
export declare const ADMIN: { email: string; password: string; totpSecret: string };
export declare function databaseUrl(name: string): string;
export declare function assertServicesUp(): Promise<void>;
export declare function adminQuery(sql: string): Promise<void>;
export declare function tolerateDroppedConnections(target: import('pg').Pool | import('pg').Client): void;
export declare function dropDatabaseWhenIdle(name: string): Promise<void>;
