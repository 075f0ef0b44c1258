// Serializes JSON messages with Confluent's JavaScript JSON Schema serializer against the registry at argv[2],
// deserializes them back with a second client that has nothing cached, and prints what happened as JSON. Driven by
// Governance.EndToEnd.Tests (JsClientJsonSchemaRoundTripTests); prints {"error": ...} and exits 1 on failure.
//
// Two ways the serializer finds its schema:
// - automatic registration: it derives a schema from the message itself and registers it under "<topic>-value";
// - the latest version of "<topic>-value" (useLatestVersion), here a hand-written schema with constraints, so that a
//   message that breaks them is refused by the serializer's validation before anything is written.
import {
  JsonDeserializer,
  JsonSerializer,
  SchemaRegistryClient,
  SerdeType,
} from '@confluentinc/schemaregistry';

const registryUrl = process.argv[2];

// Records of one shape, so that the derived schemas are equal and the subject gets one version.
const payments = [
  { paymentId: 'p-1', amount: 12.5, currency: 'EUR', captured: true, attempts: 1, card: { holder: 'Ada Lovelace', network: 'visa' }, tags: ['web'] },
  { paymentId: 'p-2', amount: 7.25, currency: 'USD', captured: false, attempts: 3, card: { holder: 'Grace Hopper', network: 'amex' }, tags: ['app'] },
];

// A schema written by hand, as a team would register it before producing.
const shipmentSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Shipment',
  type: 'object',
  properties: {
    shipmentId: { type: 'string', pattern: '^s-[0-9]+$' },
    weightKg: { type: 'number', exclusiveMinimum: 0 },
    carrier: { type: 'string', enum: ['post', 'courier'] },
    parcels: { type: 'array', items: { type: 'integer', minimum: 1 }, minItems: 1 },
  },
  required: ['shipmentId', 'weightKg', 'carrier'],
  additionalProperties: false,
};
const validShipment = { shipmentId: 's-17', weightKg: 2.5, carrier: 'courier', parcels: [1, 2] };
const invalidShipments = {
  negativeWeight: { shipmentId: 's-18', weightKg: -1, carrier: 'post' },
  unknownCarrier: { shipmentId: 's-19', weightKg: 1, carrier: 'pigeon' },
  missingCarrier: { shipmentId: 's-20', weightKg: 1 },
  extraProperty: { shipmentId: 's-21', weightKg: 1, carrier: 'post', fragile: true },
};

try {
  const writerClient = new SchemaRegistryClient({ baseURLs: [registryUrl] });
  const readerClient = new SchemaRegistryClient({ baseURLs: [registryUrl] });
  const deserializer = new JsonDeserializer(readerClient, SerdeType.VALUE, { validate: true });

  const autoRegistering = new JsonSerializer(writerClient, SerdeType.VALUE, { autoRegisterSchemas: true, validate: true });
  const roundTrips = [];
  for (const value of payments) {
    const bytes = await autoRegistering.serialize('payments', value);
    roundTrips.push(await roundTrip(deserializer, 'payments', value, bytes));
  }

  const shipmentRegistration = await writerClient.register(
    'shipments-value', { schemaType: 'JSON', schema: JSON.stringify(shipmentSchema) }, false);
  const latestVersion = new JsonSerializer(writerClient, SerdeType.VALUE, { useLatestVersion: true, validate: true });
  roundTrips.push(await roundTrip(deserializer, 'shipments', validShipment, await latestVersion.serialize('shipments', validShipment)));

  const refusals = {};
  for (const [name, value] of Object.entries(invalidShipments)) {
    try {
      await latestVersion.serialize('shipments', value);
      refusals[name] = null;
    } catch (error) {
      refusals[name] = { errorType: error.constructor.name, message: error.message };
    }
  }

  // A message some other producer wrote with the shipment schema's id but that breaks it: the reading side validates too.
  const forged = Buffer.concat([Buffer.from([0, 0, 0, 0, 0]), Buffer.from(JSON.stringify(invalidShipments.negativeWeight))]);
  forged.writeInt32BE(shipmentRegistration, 1);
  let readRefusal = null;
  try {
    await deserializer.deserialize('shipments', forged);
  } catch (error) {
    readRefusal = { errorType: error.constructor.name, message: error.message };
  }

  const subjects = await readerClient.getAllSubjects();
  console.log(JSON.stringify({ roundTrips, shipmentSchemaId: shipmentRegistration, refusals, readRefusal, subjects }));
} catch (error) {
  console.log(JSON.stringify({ error: String(error?.stack ?? error) }));
  process.exit(1);
}

/** What the wire holds for one message, and what a deserializer with nothing cached reads from it. */
async function roundTrip(deserializer, topic, original, bytes) {
  return {
    topic,
    magicByte: bytes[0],
    schemaId: bytes.readInt32BE(1),
    body: bytes.subarray(5).toString('utf8'),
    original,
    decoded: await deserializer.deserialize(topic, bytes),
  };
}
