package dev.faultline.core.model;

/** The user a report was sent for. Every field is optional. */
public record UserInfo(
        String identifier, String uuid, Boolean anonymous, String email, String fullName, String firstName) {

    /** The identifier, else the uuid; null when both are blank. */
    public String key() {
        String id = Report.blankToNull(identifier);
        return id != null ? id : Report.blankToNull(uuid);
    }
}
