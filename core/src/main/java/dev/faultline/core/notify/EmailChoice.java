package dev.faultline.core.notify;

/**
 * What email one user takes about one app.
 *
 * @param alerts a message when the app gets a new error group or a regression
 * @param digest the app's part of the daily digest
 */
public record EmailChoice(boolean alerts, boolean digest) {
    public static final EmailChoice NONE = new EmailChoice(false, false);

    public boolean any() {
        return alerts || digest;
    }
}
