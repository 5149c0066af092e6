package org.plantwin.actors.kernel;

import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The actor of one logical process (a line, a machine group, a sink): it owns the LP's state and answers the
 * kernel's windows. It never reads a clock; simulated time moves only through {@link Advance}.
 */
public final class LpActor extends AbstractBehavior<LpActor.Command> {

    /** What the kernel tells an LP. */
    public sealed interface Command {
    }

    /**
     * Process the inbox and every local event before {@code boundExclusive} (at most {@code maxEvents}), then reply
     * once with {@link Kernel.Advanced}.
     */
    public record Advance(long round, long boundExclusive, List<Envelope> inbox, int maxEvents,
                          ActorRef<Kernel.Command> replyTo) implements Command {
        public Advance {
            inbox = List.copyOf(inbox);
        }
    }

    /** Close the statistics at {@code endMillis} and reply with {@link Kernel.Finished}. */
    public record Finish(long endMillis, ActorRef<Kernel.Command> replyTo) implements Command {
    }

    private final LogicalProcess lp;

    /** Hosts {@code lp}, which the kernel has already initialised. */
    public static Behavior<Command> create(LogicalProcess lp) {
        return Behaviors.setup(ctx -> new LpActor(ctx, lp));
    }

    private LpActor(ActorContext<Command> context, LogicalProcess lp) {
        super(context);
        this.lp = lp;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Advance.class, this::onAdvance)
                .onMessage(Finish.class, this::onFinish)
                .build();
    }

    private Behavior<Command> onAdvance(Advance a) {
        long before = lp.eventsProcessed();
        List<Envelope> out = lp.advance(a.boundExclusive(), a.inbox(), a.maxEvents());
        if (lp.pendingDecision() != null) {
            throw new IllegalStateException("LP (" + lp.name() + ") stopped for an agent's decision: runs with agent"
                    + " decision points are stepped with a SteppedRun, not run on the actor runtime.");
        }
        a.replyTo().tell(new Kernel.Advanced(a.round(), lp.index(), lp.nextEventTime(), out,
                lp.eventsProcessed() - before));
        return this;
    }

    private Behavior<Command> onFinish(Finish f) {
        f.replyTo().tell(new Kernel.Finished(lp.index(), lp.finish(f.endMillis())));
        return Behaviors.stopped();
    }
}
