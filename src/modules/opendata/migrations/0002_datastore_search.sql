-- datastore_search filters: rows of one resource whose data contains every object of `p_all` and, for
-- each list in `p_any`, one of its objects.
--
-- Why a SECURITY DEFINER function: under Row Level Security the planner may not use a qual whose
-- operator is not LEAKPROOF as an index condition ahead of the policy's qual, and jsonb `@>` is not
-- leakproof, so as the app role the GIN index on `data` is never used (a filter over 1,000,000 rows
-- took seconds). Run as the table owner (no RLS), the tenant is checked here explicitly instead.
-- The statement is built with the filter values as literals so each search gets a plan for its values.
CREATE FUNCTION opendata_datastore_match(p_resource uuid, p_all jsonb, p_any jsonb)
  RETURNS TABLE (row_id int, data jsonb)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  stmt text := 'SELECT r.row_id, r.data FROM public.opendata_datastore_rows r'
    || ' WHERE r.resource_id = $1 AND r.tenant_id = public.yakuba_current_tenant()';
  alternatives jsonb;
  ors text;
BEGIN
  IF public.yakuba_current_tenant() IS NULL THEN
    RETURN;
  END IF;
  IF p_all IS NOT NULL AND p_all <> '{}'::jsonb THEN
    stmt := stmt || format(' AND r.data @> %L::jsonb', p_all::text);
  END IF;
  FOR alternatives IN SELECT value FROM jsonb_array_elements(coalesce(p_any, '[]'::jsonb)) LOOP
    SELECT string_agg(format('r.data @> %L::jsonb', v::text), ' OR ') INTO ors FROM jsonb_array_elements(alternatives) AS e(v);
    stmt := stmt || ' AND (' || coalesce(ors, 'false') || ')';
  END LOOP;
  RETURN QUERY EXECUTE stmt USING p_resource;
END
$$;
REVOKE ALL ON FUNCTION opendata_datastore_match(uuid, jsonb, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION opendata_datastore_match(uuid, jsonb, jsonb) TO yakuba_app;
