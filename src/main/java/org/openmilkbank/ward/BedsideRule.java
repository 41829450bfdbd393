package org.openmilkbank.ward;

import java.util.List;

/**
 * One rule of the bedside check: what it refuses in the situation, if anything. The rules are listed in
 * {@link BedsideRules#standard()}; an active order rule joins that list once orders exist.
 */
interface BedsideRule {

    List<BedsideRefusal> refusals(BedsideSituation situation);
}
