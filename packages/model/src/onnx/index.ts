export * from './onnx-model';
export { ProtobufError, ProtobufReader, WireType, type FieldHeader } from './protobuf-reader';
