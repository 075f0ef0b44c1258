// Serializes Avro records with Confluent's JavaScript serializer (automatic registration) against the registry at
// argv[2], deserializes them back with a second client that has nothing cached, and prints what happened as JSON.
// Driven by Governance.EndToEnd.Tests (JsClientAvroRoundTripTests); prints {"error": ...} and exits 1 on failure.
import {
  AvroDeserializer,
  AvroSerializer,
  SchemaRegistryClient,
  SerdeType,
} from '@confluentinc/schemaregistry';

const registryUrl = process.argv[2];

// Two topics: a flat record, and a record with nested records, arrays and maps. Each topic's records share one shape,
// so each value subject ("<topic>-value", TopicNameStrategy) should get exactly one schema.
const messages = [
  { topic: 'orders', value: { orderId: 'o-1', quantity: 3, price: 9.5, express: true } },
  { topic: 'orders', value: { orderId: 'o-2', quantity: 1, price: 120.25, express: false } },
  {
    topic: 'customers',
    value: {
      name: 'Ada',
      address: { street: 'Analytical Way 1', city: 'London' },
      tags: ['vip', 'early'],
      scores: { q1: 10, q2: 12 },
    },
  },
  {
    topic: 'customers',
    value: {
      name: 'Grace',
      address: { street: 'Compiler Street 2', city: 'Arlington' },
      tags: ['navy'],
      scores: { q1: 7, q2: 9 },
    },
  },
];

try {
  const writerClient = new SchemaRegistryClient({ baseURLs: [registryUrl] });
  const readerClient = new SchemaRegistryClient({ baseURLs: [registryUrl] });
  const serializer = new AvroSerializer(writerClient, SerdeType.VALUE, { autoRegisterSchemas: true });
  const deserializer = new AvroDeserializer(readerClient, SerdeType.VALUE, {});

  const results = [];
  for (const { topic, value } of messages) {
    const bytes = await serializer.serialize(topic, value);
    const decoded = await deserializer.deserialize(topic, bytes);
    results.push({
      topic,
      magicByte: bytes[0],
      schemaId: bytes.readInt32BE(1),
      original: value,
      decoded,
    });
  }

  const subjects = await readerClient.getAllSubjects();
  console.log(JSON.stringify({ results, subjects }));
} catch (error) {
  console.log(JSON.stringify({ error: String(error?.stack ?? error) }));
  process.exit(1);
}
