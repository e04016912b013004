package org.a4ptracker.accountability;

import org.a4ptracker.api.model.PipelineTotals;
import org.a4ptracker.platform.security.CallerScope;

/**
 * What other features may know of crimes against peacekeepers: the judicial follow-up per mission.
 */
public interface JudicialPipelines {

    /**
     * The totals of the mission's crime cases that the caller may see; zeros when there are none.
     */
    PipelineTotals ofMission(String mission, CallerScope scope);
}
