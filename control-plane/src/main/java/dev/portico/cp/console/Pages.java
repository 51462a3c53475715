package dev.portico.cp.console;

import dev.portico.cp.api.ApiView;
import dev.portico.cp.api.AuthorizerView;
import dev.portico.cp.api.IntegrationView;
import dev.portico.cp.api.ModelView;
import dev.portico.cp.api.RouteView;
import dev.portico.cp.apikey.NewApiKey;
import dev.portico.cp.audit.AuditEventView;
import dev.portico.cp.auth.UserView;
import dev.portico.cp.deployment.DeploymentView;
import dev.portico.cp.deployment.HistoryView;
import dev.portico.cp.deployment.StageView;
import dev.portico.cp.usageplan.SubscriptionView;
import dev.portico.cp.usageplan.UsagePlanView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import java.util.List;

/**
 * The console's pages: checked Qute templates under {@code templates/console/}, so a typo in a page
 * is a build error. {@code chrome} is null on pages shown without a session (login, some errors).
 */
@CheckedTemplate(basePath = "console")
public final class Pages {

    private Pages() {
    }

    static native TemplateInstance login(Chrome chrome, String username, String next, String error);

    static native TemplateInstance error(Chrome chrome, int status, String message);

    static native TemplateInstance confirm(Chrome chrome, Confirm confirm);

    static native TemplateInstance dashboard(Chrome chrome, List<ApiOverview> apis, FleetCounts fleet,
                                             TrafficCharts traffic);

    static native TemplateInstance apis(Chrome chrome, List<ApiView> apis, Form form);

    static native TemplateInstance routes(Chrome chrome, ApiHeader header, List<RouteView> routes,
                                          List<IntegrationView> integrations, List<AuthorizerView> authorizers,
                                          List<ModelView> models, Form form);

    static native TemplateInstance route(Chrome chrome, ApiHeader header, RouteView route,
                                         List<IntegrationView> integrations, List<AuthorizerView> authorizers,
                                         List<ModelView> models, Form form);

    static native TemplateInstance integrations(Chrome chrome, ApiHeader header, List<IntegrationView> integrations,
                                                Form form, List<ParameterRow> parameters,
                                                List<ResponseMappingRow> responseRows);

    static native TemplateInstance integration(Chrome chrome, ApiHeader header, IntegrationView integration, Form form,
                                               List<ParameterRow> parameters, List<ResponseMappingRow> responseRows);

    static native TemplateInstance authorizers(Chrome chrome, ApiHeader header, List<AuthorizerView> authorizers,
                                               Form form);

    static native TemplateInstance authorizer(Chrome chrome, ApiHeader header, AuthorizerView authorizer, Form form);

    static native TemplateInstance models(Chrome chrome, ApiHeader header, List<ModelView> models, Form form);

    static native TemplateInstance model(Chrome chrome, ApiHeader header, ModelView model, Form form);

    static native TemplateInstance cors(Chrome chrome, ApiHeader header, Form form, boolean saved);

    static native TemplateInstance gatewayResponses(Chrome chrome, ApiHeader header,
                                                    List<dev.portico.cp.api.GatewayResponseView> responses);

    static native TemplateInstance gatewayResponse(Chrome chrome, ApiHeader header,
                                                   dev.portico.cp.api.GatewayResponseView response, Form form);

    static native TemplateInstance stages(Chrome chrome, ApiHeader header);

    static native TemplateInstance stage(Chrome chrome, ApiHeader header, StageView stage, Form form,
                                         List<VariableRow> variables, List<RouteThrottleRow> routes, List<HistoryView> history,
                                         boolean saved);

    static native TemplateInstance deploy(Chrome chrome, ApiHeader header, String stage, List<ChangeRow> pending,
                                          Form form);

    static native TemplateInstance rollout(Chrome chrome, ApiHeader header, String title, Rollout rollout);

    static native TemplateInstance deployments(Chrome chrome, ApiHeader header, List<DeploymentView> deployments,
                                               Diff diff, String base, String target);

    static native TemplateInstance rollback(Chrome chrome, ApiHeader header, StageRow stage,
                                            List<DeploymentView> deployments, Form form);

    static native TemplateInstance nodes(Chrome chrome, List<NodeRow> nodes, long revision);

    static native TemplateInstance apiKeys(Chrome chrome, List<KeyRow> keys, Form form);

    static native TemplateInstance apiKeyCreated(Chrome chrome, NewApiKey key);

    static native TemplateInstance apiKey(Chrome chrome, KeyRow row, List<UsagePlanView> plans, Form form);

    static native TemplateInstance usagePlans(Chrome chrome, List<UsagePlanView> plans);

    static native TemplateInstance usagePlan(Chrome chrome, UsagePlanView plan, List<StageOption> stages,
                                             List<SubscriptionView> keys, PlanUsageChart chart);

    static native TemplateInstance usagePlanForm(Chrome chrome, UsagePlanView plan, Form form, List<String> stageFields,
                                                 List<StageOption> stageOptions);

    static native TemplateInstance users(Chrome chrome, List<UserView> users, List<String> roles, Form form);

    static native TemplateInstance user(Chrome chrome, UserView user, List<String> roles, Form form, boolean saved);

    static native TemplateInstance password(Chrome chrome, Form form, boolean changed);

    static native TemplateInstance audit(Chrome chrome, List<AuditEventView> events, Form form, List<String> types,
                                         String older);
}
