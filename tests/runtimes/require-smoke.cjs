// Node's require() of the package (require(esm): Node 20.19+ and 22.12+).
// require-smoke.cjs <stand-in URL> <org>
const pkg = require("turso-platform-wasm");

const [baseUrl, org] = process.argv.slice(2);
import("./smoke.js")
  .then(({ smoke }) => smoke(pkg, { baseUrl, org }))
  .then((report) => console.log(JSON.stringify(report)))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
