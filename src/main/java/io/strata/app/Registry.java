package io.strata.app;

import io.strata.registry.AuditTrail;
import io.strata.registry.Branches;
import io.strata.registry.ImpactOfChange;
import io.strata.registry.RegisterVersion;
import io.strata.registry.RegistryConfig;
import io.strata.registry.RegistryCore;
import io.strata.registry.SchemaParser;
import io.strata.registry.SchemaQueries;
import io.strata.registry.SubjectAdmin;
import io.strata.registry.ValidateCompatibility;
import io.strata.events.WebhookSettings;
import io.strata.events.Webhooks;
import io.strata.rollout.RolloutStore;
import io.strata.security.MasterKeys;
import io.strata.rollout.SecretsDirectory;
import io.strata.rollout.TargetConnections;
import io.strata.store.StoreDatabase;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Registry is the schema registry's set of use cases over one store; {@code strata serve} builds one and
 * the API's routes each call one of its parts.
 */
public final class Registry implements AutoCloseable {

    private final StoreDatabase store;
    private final RegistryCore core;
    private final RegisterVersion register;
    private final SubjectAdmin subjects;
    private final SchemaQueries schemas;
    private final RegistryConfig config;
    private final ValidateCompatibility validate;
    private final ImpactOfChange impact;
    private final Branches branches;
    private final AuditTrail audit;
    private final MergeBranch merge;
    private final io.strata.rollout.Environments environments;
    private final io.strata.rollout.Rollouts rollouts;
    private final io.strata.rollout.Clients clients;
    private final io.strata.rollout.drift.DetectDrift drift;
    private final Webhooks webhooks;
    private final ManageKeys keys;
    private final Optional<Path> createdMasterKey;

    public Registry(StoreDatabase store, SchemaParser parser) {
        this(store, parser, Map.of(), WebhookSettings.defaults());
    }

    public Registry(StoreDatabase store, SchemaParser parser, WebhookSettings webhookSettings) {
        this(store, parser, Map.of(), webhookSettings);
    }

    public Registry(StoreDatabase store, SchemaParser parser, Map<String, String> devUrls, WebhookSettings webhookSettings) {
        this(store, parser, devUrls, webhookSettings, SecretsDirectory.NONE, Optional.empty());
    }

    /**
     * @param devUrls scratch databases per SQL dialect, for rollouts replaying a version's DDL
     * @param secrets the only directory {@code file:} credentials references of environments may name
     */
    public Registry(StoreDatabase store, SchemaParser parser, Map<String, String> devUrls, WebhookSettings webhookSettings,
                    SecretsDirectory secrets) {
        this(store, parser, devUrls, webhookSettings, secrets, Optional.empty());
    }

    private Registry(StoreDatabase store, SchemaParser parser, Map<String, String> devUrls, WebhookSettings webhookSettings,
                     SecretsDirectory secrets, Optional<Path> createdMasterKey) {
        this.store = store;
        this.createdMasterKey = createdMasterKey;
        this.core = new RegistryCore(store.registryStore(), parser);
        this.webhooks = new Webhooks(store.webhookStore(), webhookSettings);
        this.keys = new ManageKeys(store, java.time.Clock.systemUTC());
        this.register = new RegisterVersion(core, webhooks);
        this.subjects = new SubjectAdmin(core);
        this.schemas = new SchemaQueries(core);
        this.config = new RegistryConfig(core);
        this.validate = new ValidateCompatibility(core);
        this.impact = new ImpactOfChange(core);
        this.branches = new Branches(core);
        this.audit = new AuditTrail(core);
        this.merge = new MergeBranch(core, register);
        RolloutStore rolloutStore = store.rolloutStore();
        TargetConnections targets = new TargetConnections(secrets);
        this.environments = new io.strata.rollout.Environments(rolloutStore, targets);
        this.clients = new io.strata.rollout.Clients(rolloutStore);
        io.strata.rollout.VersionSchemas versionSchemas = schemas::catalogFor;
        this.drift = new io.strata.rollout.drift.DetectDrift(rolloutStore, versionSchemas, webhooks, targets);
        this.rollouts = new io.strata.rollout.Rollouts(rolloutStore, webhooks, clients, drift, (subject, version) ->
                validate.breaksOlderClients(subject, version).stream().map(f -> f.code() + " at " + f.location()).toList(),
                versionSchemas, targets);
    }

    /**
     * Opens the store at {@code storeUrl} (null: the embedded H2 file under {@code dir}), migrated to the
     * current store schema.
     *
     * @param devUrls scratch databases for SQL subjects per dialect (PostgreSQL defaults to an embedded one)
     */
    public static Registry open(String storeUrl, Path dir, Map<String, String> devUrls) {
        return open(storeUrl, dir, devUrls, WebhookSettings.defaults(), SecretsDirectory.NONE);
    }

    /** {@link #open(String, Path, Map)} with the directory {@code file:} credentials references may name. */
    public static Registry open(String storeUrl, Path dir, Map<String, String> devUrls, SecretsDirectory secrets) {
        return open(storeUrl, dir, devUrls, WebhookSettings.defaults(), secrets);
    }

    /** {@link #open(String, Path, Map)}, delivering webhooks with {@code webhookSettings}. */
    public static Registry open(String storeUrl, Path dir, Map<String, String> devUrls, WebhookSettings webhookSettings) {
        return open(storeUrl, dir, devUrls, webhookSettings, SecretsDirectory.NONE);
    }

    /**
     * Opens the store as {@link #open(String, Path, Map)} does, delivering webhooks with {@code webhookSettings} and
     * resolving {@code file:} credentials only inside {@code secrets}. Stored secrets are sealed with the master key of
     * {@code STRATA_MASTER_KEY}, or of the key file in {@code dir} ({@link MasterKeys}), created when neither exists:
     * {@link #createdMasterKey()} says where.
     */
    public static Registry open(String storeUrl, Path dir, Map<String, String> devUrls, WebhookSettings webhookSettings,
                                SecretsDirectory secrets) {
        MasterKeys.Loaded keys = MasterKeys.load(System.getenv(), dir.resolve(MasterKeys.FILE_NAME));
        return new Registry(StoreDatabase.open(storeUrl, dir, keys.box()), new SchemaParser(devUrls), devUrls,
                webhookSettings, secrets, keys.created());
    }

    /** The master key file this registry's opening created, if it did: the caller tells the user where it is. */
    public Optional<Path> createdMasterKey() {
        return createdMasterKey;
    }

    public RegisterVersion register() {
        return register;
    }

    public SubjectAdmin subjects() {
        return subjects;
    }

    public SchemaQueries schemas() {
        return schemas;
    }

    public RegistryConfig config() {
        return config;
    }

    public ValidateCompatibility validate() {
        return validate;
    }

    public ImpactOfChange impact() {
        return impact;
    }

    public Branches branches() {
        return branches;
    }

    /** The environments versions are rolled out to (they live in the same store). */
    public io.strata.rollout.Environments environments() {
        return environments;
    }

    /** Drift checks of environments against the version rolled out there. */
    public io.strata.rollout.drift.DetectDrift drift() {
        return drift;
    }

    /** The client versions applications report per environment. */
    public io.strata.rollout.Clients clients() {
        return clients;
    }

    /** Rollouts of SQL subjects' versions to environments. */
    public io.strata.rollout.Rollouts rollouts() {
        return rollouts;
    }

    /** The API keys that authenticate callers. */
    public ManageKeys keys() {
        return keys;
    }

    public MergeBranch merge() {
        return merge;
    }

    public AuditTrail audit() {
        return audit;
    }

    public StoreDatabase store() {
        return store;
    }

    /** Whether the store answers a trivial query, for health checks. */
    public boolean storeHealthy() {
        return store.healthy();
    }

    /** {@code h2} or {@code postgres}, for health and metrics. */
    public String storeKind() {
        return store.kind();
    }

    /** The store's URL without a password, for the start-up line. */
    public String storeUrl() {
        return store.redactedUrl();
    }

    /** Outgoing webhooks; also where the registry's events go. */
    public Webhooks webhooks() {
        return webhooks;
    }

    @Override
    public void close() {
        webhooks.close();
        rollouts.close();
        core.close();
        store.close();
    }
}
