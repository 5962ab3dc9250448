import { gql, tokenStore } from '../graphql/client';
import { ViewerFields } from '../graphql/fragments';
import { graphql } from '../graphql/graphql';
import type { Viewer } from '../graphql/types';

const MeQuery = graphql(`query Me { me { ...ViewerFields } }`, [ViewerFields]);

const VIEWER_KEY = 'hotline.viewer';

let cachedViewer: Viewer | undefined;

function storedViewer(): Viewer | undefined {
  if (cachedViewer) return cachedViewer;
  try {
    const raw = localStorage.getItem(VIEWER_KEY);
    cachedViewer = raw ? (JSON.parse(raw) as Viewer) : undefined;
  } catch {
    cachedViewer = undefined;
  }
  return cachedViewer;
}

export function storeViewer(viewer: Viewer): void {
  cachedViewer = viewer;
  localStorage.setItem(VIEWER_KEY, JSON.stringify(viewer));
}

export function forgetSession(): void {
  cachedViewer = undefined;
  localStorage.removeItem(VIEWER_KEY);
  tokenStore.clear();
}

export async function fetchViewer(): Promise<Viewer> {
  const { me } = await gql(MeQuery, {});
  storeViewer(me);
  return me;
}

export async function currentViewer(): Promise<Viewer> {
  return storedViewer() ?? fetchViewer();
}

/** True when the token is a JWT whose `exp` has passed; opaque tokens are left to the server. */
export function isTokenExpired(token: string, now = Date.now()): boolean {
  const payload = token.split('.')[1];
  if (!payload) return false;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return typeof json.exp === 'number' && json.exp * 1000 <= now;
  } catch {
    return false;
  }
}
