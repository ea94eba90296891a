package io.strata.registry;

/**
 * Names checks the names requests give to subjects and branches, and the length of free text, before anything
 * is stored under them.
 */
final class Names {

    private static final int MAX = 255;

    private Names() {
    }

    static String subject(String name) {
        return check("subject", name);
    }

    static String branch(String name) {
        return check("branch", name);
    }

    /** Refuses a free-text field longer than the store keeps ({@code max} characters); null passes. */
    static void limit(String what, String value, int max) {
        if (value != null && value.length() > max) {
            throw new RegistryException(RegistryException.Reason.INVALID_REQUEST,
                    what + " is " + value.length() + " characters long; at most " + max + " are allowed");
        }
    }

    private static String check(String what, String name) {
        if (name == null || name.isBlank()) {
            throw new RegistryException(RegistryException.Reason.INVALID_REQUEST, "a " + what + " name is required");
        }
        if (name.length() > MAX) {
            throw new RegistryException(RegistryException.Reason.INVALID_REQUEST,
                    what + " name is " + name.length() + " characters long; at most " + MAX + " are allowed");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new RegistryException(RegistryException.Reason.INVALID_REQUEST,
                        what + " name contains a control character at position " + i);
            }
        }
        return name;
    }
}
