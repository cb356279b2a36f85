package dev.faultline.server.web;

/**
 * What every page's frame (the layout) shows around its content.
 *
 * @param email the signed-in user's email, or null on the sign-in and setup pages
 * @param instanceAdmin whether the user administers the whole instance
 * @param csrf the token forms and htmx requests send back
 * @param section the navigation entry to highlight ("groups", "apps", "teams", "account")
 */
public record Chrome(String email, boolean instanceAdmin, String csrf, String section, Assets assets) {

    public boolean signedIn() {
        return email != null;
    }
}
