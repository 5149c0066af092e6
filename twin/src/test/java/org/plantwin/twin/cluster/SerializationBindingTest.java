package org.plantwin.twin.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.apache.pekko.serialization.jackson.JacksonCborSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.scenarios.api.Scenarios;

/** Every message that crosses nodes goes through jackson-cbor; one without a binding fails, never Java serialization. */
class SerializationBindingTest {

    private static ClusterNode node;
    private static Serialization serialization;

    @BeforeAll
    static void start() {
        node = ClusterNode.start(ClusterSettings.defaults().withPort(0).withLanes(1));
        serialization = SerializationExtension.get(Adapter.toClassic(node.system()));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** A message someone forgot to mark. */
    record Unmarked(long jobId) {
    }

    /** A message that would have fallen back to Java serialization. */
    record JavaSerializable(long jobId) implements Serializable {
    }

    @Test
    void everyRemoteMessageRoundTripsThroughJacksonCbor() throws Exception {
        ActorRef<RunWorker.Command> worker = Adapter.toTyped(Adapter.toClassic(node.system()).deadLetters());
        ActorRef<ClusterRunner.WorkerReply> runner = Adapter.toTyped(Adapter.toClassic(node.system()).deadLetters());
        ActorRef<String> text = Adapter.toTyped(Adapter.toClassic(node.system()).deadLetters());
        JobSpec spec = JobSpec.of(Scenarios.library("flowline5"),
                RunOptions.defaults().withReplication(7).withSeed(3).withHorizonMillis(120_000_000L).withBatchMillis(60_000));
        List<Object> messages = List.of(
                new RunWorker.Hello(runner),
                new RunWorker.RunJob(42, spec, runner),
                new ClusterRunner.Ready(worker, 4),
                new ClusterRunner.JobDone(42, worker, "{\"scenario\":\"flowline5\"}\n"),
                new ClusterRunner.JobFailed(42, worker, "The run failed."),
                new ShardedTwins.Create("supply-chain", null, 7, 60.0, 1_700_000_000_000L, text),
                new ShardedTwins.Ingest("{\"kind\": \"machineState\"}", text),
                new ShardedTwins.GetState(text),
                new ShardedTwins.Advance(3_600_000L, text),
                new ShardedTwins.Changes(-1, 100, text),
                new ShardedTwins.History(0, 86_400_000L, "L1-M1", text),
                new ShardedTwins.ForkRun(86_400_000L, 10, null, "[]", text),
                new ShardedTwins.Delete(text),
                new ShardedTwins.Tick());
        for (Object m : messages) {
            Serializer s = serialization.findSerializerFor(m);
            assertThat(s).as(m.getClass().getName()).isInstanceOf(JacksonCborSerializer.class);
            byte[] bytes = serialization.serialize(m).get();
            Object back = serialization.deserialize(bytes, s.identifier(), Serializers.manifestFor(s, m)).get();
            assertThat(back).isEqualTo(m);
        }
        assertThat(spec.options()).isEqualTo(RunOptions.defaults().withReplication(7).withSeed(3)
                .withHorizonMillis(120_000_000L).withBatchMillis(60_000));
    }

    @Test
    void aMessageWithoutBindingFailsToSerialize() {
        assertThat(serialization.serialize(new Unmarked(1)).isFailure()).isTrue();
        // Java serialization is off: a java.io.Serializable message fails too rather than falling back.
        assertThat(serialization.serialize(new JavaSerializable(1)).isFailure()).isTrue();
        assertThat(Adapter.toClassic(node.system()).settings().config()
                .getString("pekko.actor.allow-java-serialization")).isEqualTo("off");
    }

    @Test
    void everyPublicProtocolRecordIsMarked() {
        List<Class<?>> records = new ArrayList<>();
        for (Class<?> c : RunWorker.Command.class.getPermittedSubclasses()) {
            records.add(c);
        }
        for (Class<?> c : ClusterRunner.WorkerReply.class.getPermittedSubclasses()) {
            records.add(c);
        }
        for (Class<?> c : ShardedTwins.Command.class.getPermittedSubclasses()) {
            if (c.isSealed()) { // ShardedTwins.Request: the answered commands
                records.addAll(List.of(c.getPermittedSubclasses()));
            } else {
                records.add(c);
            }
        }
        for (Class<?> c : records) {
            if (java.lang.reflect.Modifier.isPublic(c.getModifiers())) {
                assertThat(CborSerializable.class.isAssignableFrom(c)).as(c.getName()).isTrue();
            }
        }
        assertThat(records).hasSize(15);
    }

    @Test
    void largeResultsAreCompressed() throws Exception {
        ActorRef<RunWorker.Command> worker = Adapter.toTyped(Adapter.toClassic(node.system()).deadLetters());
        String json = "{\"x\": 1.0},\n".repeat(200_000);
        ClusterRunner.JobDone big = new ClusterRunner.JobDone(1, worker, json);
        byte[] bytes = serialization.serialize(big).get();
        assertThat(bytes.length).isLessThan(json.length() / 10);
        Serializer s = serialization.findSerializerFor(big);
        assertThat(serialization.deserialize(bytes, s.identifier(), Serializers.manifestFor(s, big)).get()).isEqualTo(big);
    }
}
