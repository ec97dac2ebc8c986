package dev.madoguchi.store.clerks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.TestStores;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.volunteer.CheckUpTallyRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A volunteer (デジタル推進委員) is refused by every repository that holds personal data — found by walking every
 * public method of every repository the store hands out, so that a method added later without its role check fails
 * here. The few methods any signed-in role may call are listed by name with the reason.
 */
class VolunteerRefusalTest {

    /** Methods any signed-in role may call, and why (nothing personal is returned or written). */
    private static final Map<String, String> ANY_ROLE = Map.ofEntries(
            Map.entry("RegisterRepository.residentCount", "a count"),
            Map.entry("RegisterRepository.householdCount", "a count"),
            Map.entry("RegisterRepository.discardAbandonedGenerations", "removes a failed import's rows; runs at sign-in"),
            Map.entry("VisitDraftRepository.purgeExpired", "only deletes expired drafts; runs at every sign-in"),
            Map.entry("ClerkRepository.changePassphrase", "the signed-in account's own passphrase"),
            Map.entry("LocalStore.directory", "a path"),
            Map.entry("LocalStore.clerk", "the signed-in account itself"),
            Map.entry("LocalStore.schemaVersion", "a number"),
            Map.entry("LocalStore.keyDerivationMillis", "this sign-in's key derivation time, a number"),
            Map.entry("LocalStore.draftRetention", "a period"),
            Map.entry("LocalStore.recordControlRequest", "audits a refused or granted control request of this app"),
            Map.entry("LocalStore.checkUpTally", "counts per day: the volunteer's only right, tested below"),
            Map.entry("LocalStore.close", "closes"),
            Map.entry("ShelterRepository.terminalId", "this laptop's id, nothing about a person"),
            Map.entry("LocalStore.shelterExchange", "an accessor: the exchange's own methods are walked below"));

    private static final DemoMunicipality DEMO = DemoMunicipality.generate(3, 40);

    @TempDir
    Path dir;

    @BeforeEach
    void storeWithRegister() {
        try (LocalStore store = TestStores.createWithClerks(dir)) {
            store.register().replaceAll(List.of(), TestStores.entries(DEMO).iterator(), n -> { });
        }
    }

    @Test
    void everyRepositoryThatHoldsPersonalDataRefusesAVolunteer() throws Exception {
        List<String> checked = new ArrayList<>();
        List<String> notRefused = new ArrayList<>();
        try (LocalStore store = TestStores.openAs(dir, TestStores.VOLUNTEER, TestStores.VOLUNTEER_PASSPHRASE)) {
            List<Object> repositories = new ArrayList<>();
            for (Method accessor : LocalStore.class.getDeclaredMethods()) {
                if (Modifier.isPublic(accessor.getModifiers()) && !Modifier.isStatic(accessor.getModifiers())
                        && accessor.getParameterCount() == 0 && accessor.getName().matches("[a-zA-Z]+")
                        && accessor.getReturnType().getSimpleName().endsWith("Repository")
                        && accessor.getReturnType() != CheckUpTallyRepository.class) { // counts only: tested below
                    repositories.add(accessor.invoke(store));
                }
            }
            assertThat(repositories).as("repositories found").hasSizeGreaterThanOrEqualTo(8);
            for (Object repository : repositories) {
                walk(repository, checked, notRefused);
            }
            walk(store, checked, notRefused);
            walk(store.shelterExchange(), checked, notRefused);
        }
        assertThat(notRefused).as("methods that did not refuse a volunteer").isEmpty();
        assertThat(checked).contains("RegisterRepository.findResident", "RegisterRepository.findByKanaAndBirthDate",
                "CaseRepository.openedBetween", "VisitDraftRepository.mine", "OutboxRepository.withStatus",
                "HandlingTimeRepository.forAllClerks", "ClerkRepository.list", "LocalStore.audit",
                "LocalStore.settings", "LocalStore.backup");
        assertThat(checked.stream().filter(m -> m.startsWith("ShelterRepository.")).toList()).isNotEmpty();
    }

    @Test
    void aVolunteerCountsCheckUpsAndNothingElseIsWritten() {
        LocalDate day = LocalDate.of(2026, 12, 7);
        try (LocalStore store = TestStores.openAs(dir, TestStores.VOLUNTEER, TestStores.VOLUNTEER_PASSPHRASE)) {
            store.checkUpTally().count(day, List.of("auth-pin-locked"));
            store.checkUpTally().count(day, List.of());
            assertThat(store.checkUpTally().between(day, day)).extracting(t -> t.outcome() + "=" + t.checks())
                    .containsExactly("auth-pin-locked=1", "checks=2");
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> store.checkUpTally().count(day,
                    List.of("山田 太郎")))).isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.BAD_INPUT));
        }
        try (LocalStore clerk = TestStores.openAs(dir, TestStores.CLERK, TestStores.CLERK_PASSPHRASE)) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> clerk.checkUpTally().count(day,
                    List.of()))).as("a counter clerk does not count check-ups").isInstanceOf(StoreException.class);
        }
    }

    private void walk(Object target, List<String> checked, List<String> notRefused) throws Exception {
        Set<String> names = new TreeSet<>();
        for (Method m : target.getClass().getDeclaredMethods()) {
            String name = target.getClass().getSimpleName() + "." + m.getName();
            if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers()) || m.isSynthetic()
                    || ANY_ROLE.containsKey(name) || takesAConnection(m) || returnsARepository(m)) {
                continue;
            }
            names.add(name);
            checked.add(name);
            try {
                m.invoke(target, arguments(m));
                notRefused.add(name + " (returned)");
            } catch (InvocationTargetException e) {
                if (!(e.getCause() instanceof StoreException se && se.error() == StoreError.NOT_PERMITTED)) {
                    notRefused.add(name + " (" + e.getCause() + ")");
                }
            }
        }
        assertThat(names).as(target.getClass().getSimpleName()).isNotEmpty();
    }

    /** Internal: called inside another repository's transaction; a volunteer never holds a connection. */
    private static boolean takesAConnection(Method m) {
        return List.of(m.getParameterTypes()).contains(Connection.class);
    }

    private static boolean returnsARepository(Method m) {
        return m.getParameterCount() == 0 && m.getReturnType().getSimpleName().endsWith("Repository");
    }

    private Object[] arguments(Method m) throws Exception {
        Class<?>[] types = m.getParameterTypes();
        Object[] out = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            out[i] = value(types[i], 0);
        }
        return out;
    }

    /** A plausible value of each type: the refusal must come before anything is looked at. */
    private Object value(Class<?> type, int depth) throws Exception {
        var someone = DEMO.residents().get(0);
        if (type == String.class) {
            return someone.id();
        } else if (type == int.class || type == Integer.class) {
            return 10;
        } else if (type == long.class || type == Long.class) {
            return 10L;
        } else if (type == boolean.class || type == Boolean.class) {
            return false;
        } else if (type == char[].class) {
            return "another passphrase 1".toCharArray();
        } else if (type == UUID.class) {
            return UUID.randomUUID();
        } else if (type == LocalDate.class) {
            return LocalDate.of(2026, 1, 1);
        } else if (type == Instant.class) {
            return Instant.now();
        } else if (type == Duration.class) {
            return Duration.ofDays(1);
        } else if (type == ZoneId.class) {
            return ZoneId.of("Asia/Tokyo");
        } else if (type == Path.class) {
            return dir.resolve("out-" + UUID.randomUUID());
        } else if (type == MyNumber.class) {
            return MyNumber.parse(someone.myNumber());
        } else if (type == Optional.class) {
            return Optional.empty();
        } else if (type == Iterator.class) {
            return Collections.emptyIterator();
        } else if (type == Set.class) {
            return Set.of();
        } else if (type == Map.class) {
            return Map.of();
        } else if (Collection.class.isAssignableFrom(type) || type == Iterable.class) {
            return List.of();
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0];
        } else if (type.isRecord() && depth < 4) {
            RecordComponent[] parts = type.getRecordComponents();
            Class<?>[] partTypes = new Class<?>[parts.length];
            Object[] values = new Object[parts.length];
            for (int i = 0; i < parts.length; i++) {
                partTypes[i] = parts[i].getType();
                values[i] = value(partTypes[i], depth + 1);
            }
            try {
                return type.getDeclaredConstructor(partTypes).newInstance(values);
            } catch (InvocationTargetException e) {
                return null; // a record whose rules these values break: the refusal comes before it is read
            }
        } else if (type.isInterface()) {
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) ->
                    method.getReturnType() == boolean.class ? false : method.getReturnType().isPrimitive() ? 0 : null);
        }
        throw new AssertionError("no test value for " + type.getName() + ": add one");
    }
}
