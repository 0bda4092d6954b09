package org.pouch.intake;

/**
 * The one door into the gateway for partner submissions. The REST and SOAP edges call it and map the
 * outcome to their wire: a 202 with the receipt or RFC 9457 problem details; a SOAP response or fault.
 */
public interface Intake {

    /** Opens, guards and accepts the submission; never throws for anything the sender did. */
    IntakeOutcome submit(Submission submission);
}
