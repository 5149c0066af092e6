package org.plantwin.twin.cluster;

/**
 * Marks a message that crosses nodes: bound to Pekko's {@code jackson-cbor} serializer in
 * {@code plantwin-cluster.conf}. Java serialization is off, so a remote message without this marker fails to send.
 */
public interface CborSerializable {
}
