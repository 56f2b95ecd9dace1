/** How the API reaches its database. */
export type DatabaseConfig =
  | {
      /** Any running Neo4j: `bolt://`, `neo4j://` (routing), `+s`/`+ssc` variants. */
      readonly kind: 'remote';
      readonly uri: string;
      readonly user: string;
      readonly password: string;
      readonly database: string | undefined;
    }
  | {
      /** Neo4j Community started by this project from `neo4j-runtime/`. */
      readonly kind: 'local';
      readonly port: number;
      readonly dataDir: string;
      readonly heap: string;
      readonly pageCache: string;
      readonly javaHome: string | undefined;
    };
