// Serializes Protobuf messages with Confluent's JavaScript serializer (automatic registration) against the registry at
// argv[2], deserializes them back with a second client that has nothing cached, and prints what happened as JSON.
// Driven by Governance.EndToEnd.Tests (JsClientProtobufRoundTripTests); prints {"error": ...} and exits 1 on failure.
//
// The serializer registers the message's file as base64 of its serialized FileDescriptorProto and writes the message
// indexes (the path to the message type in that file) after the schema id; the deserializer fetches the schema with
// format=serialized and follows the indexes back to the message type.
import { create, createFileRegistry, toJson } from '@bufbuild/protobuf';
import { FieldDescriptorProto_Label, FieldDescriptorProto_Type, FileDescriptorProtoSchema } from '@bufbuild/protobuf/wkt';
import {
  ProtobufDeserializer,
  ProtobufSerializer,
  SchemaRegistryClient,
  SerdeType,
} from '@confluentinc/schemaregistry';

const registryUrl = process.argv[2];

const { STRING, INT32, INT64, DOUBLE, MESSAGE, ENUM } = FieldDescriptorProto_Type;
const { OPTIONAL, REPEATED } = FieldDescriptorProto_Label;
const field = (name, number, type, typeName, label = OPTIONAL) => ({ name, number, type, typeName, label, jsonName: jsonName(name) });

// What protoc would write for this file (the descriptor generated code embeds):
//
//   syntax = "proto3";
//   package governance.e2e;
//   message Order {                                   // message indexes [0]
//     string order_id = 1;
//     repeated LineItem items = 2;
//     Status status = 3;
//     message LineItem {                              // [0, 0]
//       string sku = 1; int32 quantity = 2; double unit_price = 3;
//     }
//     enum Status { STATUS_UNSPECIFIED = 0; PLACED = 1; SHIPPED = 2; }
//   }
//   message Shipment {                                // [1]
//     string order_id = 1;
//     Address destination = 2;
//     message Address { string street = 1; string city = 2; }      // [1, 0]
//     message Tracking { string carrier = 1; int64 number = 2; }   // [1, 1]
//   }
const file = create(FileDescriptorProtoSchema, {
  name: 'governance/e2e/orders.proto',
  package: 'governance.e2e',
  syntax: 'proto3',
  messageType: [
    {
      name: 'Order',
      field: [
        field('order_id', 1, STRING),
        field('items', 2, MESSAGE, '.governance.e2e.Order.LineItem', REPEATED),
        field('status', 3, ENUM, '.governance.e2e.Order.Status'),
      ],
      nestedType: [
        {
          name: 'LineItem',
          field: [field('sku', 1, STRING), field('quantity', 2, INT32), field('unit_price', 3, DOUBLE)],
        },
      ],
      enumType: [
        {
          name: 'Status',
          value: [
            { name: 'STATUS_UNSPECIFIED', number: 0 },
            { name: 'PLACED', number: 1 },
            { name: 'SHIPPED', number: 2 },
          ],
        },
      ],
    },
    {
      name: 'Shipment',
      field: [field('order_id', 1, STRING), field('destination', 2, MESSAGE, '.governance.e2e.Shipment.Address')],
      nestedType: [
        { name: 'Address', field: [field('street', 1, STRING), field('city', 2, STRING)] },
        { name: 'Tracking', field: [field('carrier', 1, STRING), field('number', 2, INT64)] },
      ],
    },
  ],
});
const registry = createFileRegistry(file, () => undefined);
const type = (name) => registry.getMessage(`governance.e2e.${name}`);

// One topic per message type; every value subject ("<topic>-value", TopicNameStrategy) gets the same file.
const messages = [
  {
    topic: 'orders',
    value: create(type('Order'), {
      orderId: 'o-1',
      items: [
        { sku: 'pen', quantity: 3, unitPrice: 1.5 },
        { sku: 'ink', quantity: 1, unitPrice: 12.25 },
      ],
      status: 2,
    }),
  },
  { topic: 'line-items', value: create(type('Order.LineItem'), { sku: 'paper', quantity: 500, unitPrice: 0.01 }) },
  {
    topic: 'shipments',
    value: create(type('Shipment'), { orderId: 'o-1', destination: { street: 'Analytical Way 1', city: 'London' } }),
  },
  { topic: 'trackings', value: create(type('Shipment.Tracking'), { carrier: 'post', number: 9007199254740993n }) },
];

try {
  const writerClient = new SchemaRegistryClient({ baseURLs: [registryUrl] });
  const readerClient = new SchemaRegistryClient({ baseURLs: [registryUrl] });
  const serializer = new ProtobufSerializer(writerClient, SerdeType.VALUE, { autoRegisterSchemas: true, registry });
  const deserializer = new ProtobufDeserializer(readerClient, SerdeType.VALUE, {});

  const results = [];
  for (const { topic, value } of messages) {
    const bytes = await serializer.serialize(topic, value);
    const decoded = await deserializer.deserialize(topic, bytes);
    results.push({
      topic,
      typeName: value.$typeName,
      decodedTypeName: decoded.$typeName,
      payload: bytes.toString('base64'),
      original: toJson(registry.getMessage(value.$typeName), value),
      decoded: toJson(registry.getMessage(decoded.$typeName), decoded),
    });
  }

  const subjects = await readerClient.getAllSubjects();
  console.log(JSON.stringify({ results, subjects }));
} catch (error) {
  console.log(JSON.stringify({ error: String(error?.stack ?? error) }));
  process.exit(1);
}

/** protoc's json_name: lower camel case of the field name. */
function jsonName(name) {
  return name.replace(/_([a-z])/g, (_, letter) => letter.toUpperCase());
}
