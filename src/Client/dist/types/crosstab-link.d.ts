import { ApolloLink } from '@apollo/client';
import type { CollectionStoreClient } from './types.js';
export interface CrossTabLinkOptions {
    /** Forward queries and mutations to the next link; only subscriptions go through the client. */
    subscriptionsOnly?: boolean;
}
/**
 * An Apollo Link that sends operations through the Collection Store client, so an Apollo app's
 * subscriptions share the browser's one leader connection (and resume across leader changes).
 */
export declare class CrossTabLink extends ApolloLink {
    constructor(client: CollectionStoreClient, options?: CrossTabLinkOptions);
}
