package io.strata.app.registry;

/** Names checks the names requests give to subjects and branches before anything is stored under them. */
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
