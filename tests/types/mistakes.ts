// Compiled by tests/js/contract/types.test.mjs, which checks that each line
// marked `// error:` is reported by tsc, and that the first line of its
// message says what is marked; no other line may be an error. A mistake
// must be reported as itself, naming the option and what was meant, not as
// "No overload matches this call".
import { createClient } from "turso-platform-wasm";

declare const org: string;
declare const token: string;

export async function mistakes(): Promise<void> {
  const { groups, databases } = createClient({ org, token });
  await groups.create("g", { locaton: "lhr" }); // error: 'locaton' does not exist in type 'CreateGroupOptions'. Did you mean to write 'location'?
  await groups.create("g", { location: "lhr", extensions: ["vectors"] }); // error: Type '"vectors"' is not assignable to type 'Extension'. Did you mean '"vector"'?
  await groups.create("g", "lhr", { extensions: ["vectors"] }); // error: Type '"vectors"' is not assignable to type 'Extension'. Did you mean '"vector"'?
  await groups.create("g", "lhr", { extension: "all" }); // error: Did you mean to write 'extensions'?
  await groups.ensure("g", { locaton: "lhr" }); // error: 'locaton' does not exist in type 'CreateGroupOptions'. Did you mean to write 'location'?
  await groups.createToken("g", { authorization: "readonly" }); // error: Type '"readonly"' is not assignable to type '"read-only" | "full-access" | null | undefined'. Did you mean '"read-only"'?
  await databases.createToken("d", { expiraton: "1w" }); // error: 'expiraton' does not exist in type 'CreateDatabaseTokenOptions'. Did you mean to write 'expiration'?
  await databases.create("d", { grop: "g" }); // error: 'grop' does not exist in type 'CreateDatabaseOptions'. Did you mean to write 'group'?
  await databases.list({ groups: "g" }); // error: 'groups' does not exist in type 'ListDatabasesOptions'. Did you mean to write 'group'?
  createClient({ org, token, baseURL: "https://api.turso.tech" }); // error: Did you mean to write 'baseUrl'?

  const database = await databases.get("d");
  console.log(database.name); // error: Property 'name' does not exist on type 'Database'. Did you mean 'Name'?
  const group = await groups.get("g");
  console.log(group.nmae); // error: Property 'nmae' does not exist on type 'Group'.
}
