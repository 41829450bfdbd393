package org.openmilkbank.reporting.monthly;

import jakarta.validation.constraints.Size;

/**
 * The manager signs a month's report with her own password; a correction of a month already signed gives the
 * reason. The page's form and the API's body.
 */
public record SignOffForm(
        @Size(max = 200) String signaturePassword,
        @Size(max = 500) String reason) {}
