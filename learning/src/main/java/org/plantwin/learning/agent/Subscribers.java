package org.plantwin.learning.agent;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The subscribers of a learning actor, told every event in the order they subscribed (a subscriber added twice is
 * told once). Used from the actor's own thread only.
 */
final class Subscribers<E> {

    private final Set<ActorRef<E>> refs = new LinkedHashSet<>();

    void add(ActorRef<E> subscriber) {
        refs.add(subscriber);
    }

    void publish(E event) {
        for (ActorRef<E> s : refs) {
            s.tell(event);
        }
    }
}
