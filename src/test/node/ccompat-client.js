// ccompat-client.js drives Strata's Confluent-compatible API with @kafkajs/confluent-schema-registry, a client
// written for Confluent's registry, and prints what it saw as one JSON line for ConfluentClientTest to check.
// Usage: node ccompat-client.js http://127.0.0.1:<port>/ccompat KEY_ID SECRET
// The client authenticates as Kafka serializers do, with Basic KEY_ID:SECRET of a Strata API key.
'use strict';

const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');

const host = process.argv[2];
const auth = { username: process.argv[3], password: process.argv[4] };
const subject = 'payments-value';

const v1 = {
  type: 'record', name: 'Payment', namespace: 'shop',
  fields: [{ name: 'id', type: 'string' }, { name: 'amount', type: 'double' }],
};
// BACKWARD compatible: the new field has a default, so v2 readers can read v1 data.
const v2 = {
  type: 'record', name: 'Payment', namespace: 'shop',
  fields: [{ name: 'id', type: 'string' }, { name: 'amount', type: 'double' },
    { name: 'currency', type: 'string', default: 'EUR' }],
};
// Not BACKWARD compatible: a required field without a default cannot be read from v2 data.
const v3 = {
  type: 'record', name: 'Payment', namespace: 'shop',
  fields: [{ name: 'id', type: 'string' }, { name: 'amount', type: 'double' },
    { name: 'currency', type: 'string', default: 'EUR' }, { name: 'customer', type: 'string' }],
};

const avro = (schema) => ({ type: SchemaType.AVRO, schema: JSON.stringify(schema) });
// No retries: a refusal must reach the script as it came from the server.
const client = () => new SchemaRegistry({ host, auth, retry: { retries: 0 } });
const anonymous = () => new SchemaRegistry({ host, retry: { retries: 0 } });

function failure(e) {
  return { name: e.name, status: e.status === undefined ? null : e.status, message: e.message };
}

async function main() {
  const writer = client();
  const out = {};

  try {
    await anonymous().register(avro(v1), { subject });
    out.anonymous = { registered: true };
  } catch (e) {
    out.anonymous = failure(e);
  }
  const first = await writer.register(avro(v1), { subject });
  out.id1 = first.id;
  out.idAgain = (await writer.register(avro(v1), { subject })).id;

  const message = { id: 'p-1', amount: 12.5 };
  const encoded = await writer.encode(first.id, message);
  out.magicByte = encoded.readUInt8(0);
  out.encodedId = encoded.readInt32BE(1);
  // A fresh client has no cache: it must fetch the writer's schema by id to decode.
  out.decoded = await client().decode(encoded);

  const second = await writer.register(avro(v2), { subject });
  out.id2 = second.id;
  out.decodedV2 = await client().decode(await writer.encode(second.id, { id: 'p-2', amount: 3, currency: 'USD' }));
  out.latestId = await client().getLatestSchemaId(subject);
  out.lookupV1 = await client().getRegistryIdBySchema(subject, avro(v1));

  try {
    const refused = await writer.register(avro(v3), { subject });
    out.incompatible = { registered: refused.id };
  } catch (e) {
    out.incompatible = failure(e);
  }

  try {
    await client().getSchema(999999);
    out.unknownId = { found: true };
  } catch (e) {
    out.unknownId = failure(e);
  }

  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  process.stdout.write(JSON.stringify({ fatal: failure(e), stack: String(e.stack) }) + '\n');
  process.exit(1);
});
