package org.plantwin.actors.entity;

import org.plantwin.actors.api.DecisionPoint;

/** What an LP stops for when an agent decides: the public decision point, plus what the LP needs to apply it. */
public interface AgentRequest {

    DecisionPoint point();
}
