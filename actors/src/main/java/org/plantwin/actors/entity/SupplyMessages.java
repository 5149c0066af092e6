package org.plantwin.actors.entity;

/** Immutable messages of the supply chain between logical processes. */
public final class SupplyMessages {

    private SupplyMessages() {
    }

    /** A customer order placed with a warehouse. */
    public record CustomerOrder(long orderId, int customer, int product, int quantity, long placedMillis,
                                long dueMillis) {
    }

    /** Units of a customer order arriving at the customer (an order may come in several deliveries). */
    public record Delivery(long orderId, int product, int quantity, int orderQuantity, long placedMillis,
                           long dueMillis) {
    }

    /**
     * A purchase order to a supplier from a warehouse (item = product index) or from a line-side material store
     * (item = the material's index in that resource); {@code destinationLp} receives the goods.
     */
    public record PurchaseOrder(long orderId, int destinationLp, int item, int quantity) {
    }

    /** Goods arriving from a supplier (item as in the purchase order). */
    public record Receipt(long orderId, int item, int quantity) {
    }

    /** A production order released by a warehouse to the first resource of the product's routing. */
    public record ProductionOrder(long orderId, int product, int quantity, long dueMillis) {
    }
}
