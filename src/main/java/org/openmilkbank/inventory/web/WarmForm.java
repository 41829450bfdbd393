package org.openmilkbank.inventory.web;

import java.time.LocalDateTime;

/** A thawed bottle warmed for a feed, when in the bank's time zone (empty: now). Page form and API body. */
record WarmForm(LocalDateTime at) {}
