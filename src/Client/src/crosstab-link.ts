import { ApolloLink } from '@apollo/client';
import { print } from 'graphql';
import { Observable } from 'rxjs';
import type { CollectionStoreClient, ExecutionResult } from './types.js';

export interface CrossTabLinkOptions {
  /** Forward queries and mutations to the next link; only subscriptions go through the client. */
  subscriptionsOnly?: boolean;
}

/**
 * An Apollo Link that sends operations through the Collection Store client, so an Apollo app's
 * subscriptions share the browser's one leader connection (and resume across leader changes).
 */
export class CrossTabLink extends ApolloLink {
  constructor(client: CollectionStoreClient, options: CrossTabLinkOptions = {}) {
    super((operation, forward) => {
      const document = print(operation.query);
      const variables = operation.variables as Record<string, unknown>;
      if (operation.operationType === 'subscription') {
        return new Observable<ApolloLink.Result>((observer) =>
          client.subscribe(document, variables, {
            next: (r) => observer.next(r as ApolloLink.Result),
            error: (e) => {
              // A GraphQL error ends the stream as a result Apollo understands; anything else is an error.
              const errors = (e as ExecutionResult)?.errors;
              if (Array.isArray(errors)) {
                observer.next({ errors } as ApolloLink.Result);
                observer.complete();
              } else {
                observer.error(e instanceof Error ? e : new Error(String((e as { message?: string })?.message ?? e)));
              }
            },
            complete: () => observer.complete(),
          }));
      }
      if (options.subscriptionsOnly) return forward(operation);
      return new Observable<ApolloLink.Result>((observer) => {
        let active = true;
        client.query(document, variables).then(
          (r) => {
            if (!active) return;
            observer.next(r as ApolloLink.Result);
            observer.complete();
          },
          (e) => active && observer.error(e),
        );
        return () => {
          active = false;
        };
      });
    });
  }
}
