// Builds a client's resources from the operations' names. Every method is an
// arrow function over its index, so it needs no `this`: a destructured
// `const { create } = client.groups` works as well as the method.
export function buildClient(calls, dispatch) {
  const client = {};
  calls.forEach((call, index) => {
    const [resource, method] = call.split(".");
    client[resource] ??= {};
    client[resource][method] = (...args) => {
      // A call always answers with a promise, even should wasm throw.
      try {
        return dispatch(index, args);
      } catch (error) {
        return Promise.reject(error);
      }
    };
  });
  for (const resource of Object.values(client)) Object.freeze(resource);
  return Object.freeze(client);
}
