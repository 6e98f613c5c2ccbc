package org.seatreconciler.batch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.billing.Money;
import org.seatreconciler.batch.billing.Plan;
import org.seatreconciler.batch.config.BillingProperties.PlanProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PlanPropertiesTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void aCompletePlanBecomesAPlanWithThePriceAtTheMinorUnit() {
        assertThat(new PlanProperties(2, new BigDecimal("45"), EUR).toPlan("GOLD"))
                .isEqualTo(new Plan("GOLD", 2, Money.of("45.00", "EUR")));
        assertThat(new PlanProperties(0, new BigDecimal("4500"), Currency.getInstance("JPY")).toPlan("JP").unitPrice())
                .isEqualTo(Money.of("4500", "JPY"));
    }

    @Test
    void eachMissingOrBadSettingIsNamedByItsKey() {
        assertRejected("group", new PlanProperties(1, new BigDecimal("50.00"), null),
                "seats.billing.plans.group.currency is missing (every plan needs support-ratio, price and currency)");
        assertRejected("GOLD", new PlanProperties(1, null, EUR),
                "seats.billing.plans.GOLD.price is missing (every plan needs support-ratio, price and currency)");
        assertRejected("GOLD", new PlanProperties(null, BigDecimal.TEN, EUR),
                "seats.billing.plans.GOLD.support-ratio is missing (every plan needs support-ratio, price and "
                        + "currency)");
        assertRejected("GOLD", new PlanProperties(-1, BigDecimal.TEN, EUR),
                "seats.billing.plans.GOLD.support-ratio must not be negative: -1");
        assertRejected("GOLD", new PlanProperties(1, new BigDecimal("-5.00"), EUR),
                "seats.billing.plans.GOLD.price must not be negative: -5.00");
        assertRejected("GOLD", new PlanProperties(1, new BigDecimal("45.005"), EUR),
                "seats.billing.plans.GOLD.price 45.005 has more decimals than EUR has (2)");
        assertRejected("JP", new PlanProperties(1, new BigDecimal("4500.5"), Currency.getInstance("JPY")),
                "seats.billing.plans.JP.price 4500.5 has more decimals than JPY has (0)");
    }

    @Test
    void aPlanFromEnvironmentVariablesWithoutACurrencyStopsTheBindingWithTheKey() {
        // SEATS_BILLING_PLANS_GROUP_PRICE=55.00 binds as the plan "group", which has no currency
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "seats.billing.plans.group.price", "55.00", "seats.billing.plans.group.support-ratio", "1")));

        assertThatThrownBy(() -> binder.bind("seats.billing", BillingProperties.class))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessage("seats.billing.plans.group.currency is missing (every plan needs support-ratio, price "
                        + "and currency)");
    }

    private static void assertRejected(String code, PlanProperties plan, String message) {
        assertThatThrownBy(() -> plan.toPlan(code)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
